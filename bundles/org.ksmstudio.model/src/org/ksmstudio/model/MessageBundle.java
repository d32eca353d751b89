package org.ksmstudio.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Fills the {@code public static String} fields of a {@code Messages} class from a properties
 * file next to it, as Eclipse's {@code NLS.initializeMessages} does, but with plain
 * {@link ResourceBundle}s: it works inside OSGi and on the plain classpath of the headless runner,
 * where {@code org.eclipse.osgi.util.NLS} is absent. A field without a property reads
 * {@code !Name!} so that a missing string shows instead of failing.
 */
public final class MessageBundle {

    private MessageBundle() {
    }

    /**
     * Assigns every public static String field of {@code messages} from the resource bundle
     * {@code bundleName} (e.g. {@code org.ksmstudio.core.internal.messages}), loaded with the class's
     * own class loader.
     */
    public static void load(Class<?> messages, String bundleName) {
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle(bundleName, Locale.getDefault(), messages.getClassLoader());
        } catch (MissingResourceException e) {
            bundle = null;
        }
        for (Field field : messages.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() != String.class || !Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)
                    || Modifier.isFinal(modifiers)) {
                continue;
            }
            String value = bundle != null && bundle.containsKey(field.getName()) ? bundle.getString(field.getName())
                    : "!" + field.getName() + "!";
            try {
                field.set(null, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + messages.getName() + "." + field.getName(), e);
            }
        }
    }

    /**
     * The message {@code pattern} with its {@code {0}}, {@code {1}}... replaced by {@code arguments}
     * ({@link MessageFormat} rules: a quote is written {@code ''} in the properties file). Numbers are
     * formatted without grouping so that values read like sysfs.
     */
    public static String bind(String pattern, @Nullable Object... arguments) {
        @Nullable Object[] plain = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            plain[i] = arguments[i] instanceof Number || arguments[i] == null ? String.valueOf(arguments[i])
                    : arguments[i];
        }
        return new MessageFormat(pattern, Locale.ROOT).format(plain);
    }
}
