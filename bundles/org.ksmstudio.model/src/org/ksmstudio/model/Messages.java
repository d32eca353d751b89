package org.ksmstudio.model;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/**
 * User strings of the scenario files' loading ({@code Load_*}: the problem after {@code file:line:column:})
 * and of the shipped examples ({@code Example_*}).
 * From {@code messages.properties} beside this class through {@link NLS} (which needs no running
 * framework: the headless runner's plain classpath carries the org.eclipse.osgi jar).
 */
@NonNullByDefault({}) // the fields are assigned reflectively when the class loads
@SuppressWarnings("javadoc")
public final class Messages extends NLS {

    public static String Load_NotARegularFile;
    public static String Load_NoSuchFile;
    public static String Load_CannotReadFile;
    public static String Load_NoScenario;
    public static String Load_WrongRoot;
    public static String Load_SeveralRoots;
    public static String Load_MalformedXml;
    public static String Load_NotUtf8;
    public static String Load_IllegalValue;
    public static String Load_ExpectedOneOf;
    public static String Load_ExpectedInteger;
    public static String Load_ExpectedBoolean;
    public static String Load_ExpectedNumber;
    public static String Load_ExpectedType;
    public static String Load_CannotReadScenario;
    public static String Load_UnknownNamespace;
    public static String Load_UnknownFeature;
    public static String Load_UnknownType;
    public static String Load_TooLarge;
    public static String Load_DoctypeRefused;
    public static String Load_SecondValue;
    public static String Load_ExternalRefused;
    public static String Example_Missing;

    static {
        NLS.initializeMessages("org.ksmstudio.model.messages", Messages.class);
    }

    private Messages() {
    }
}
