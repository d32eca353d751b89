package org.ksmstudio.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.xmi.ClassNotFoundException;
import org.eclipse.emf.ecore.xmi.FeatureNotFoundException;
import org.eclipse.emf.ecore.xmi.IllegalValueException;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioPackage;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes {@code .ksm} scenario files. Loading reports every problem as a
 * {@link ScenarioLoadException} with file, line and column, and opens nothing but the file given;
 * saving goes through {@link OutputFile}, so a failed save leaves the previous file intact.
 */
public final class ScenarioResources {

    /**
     * Largest scenario file read (32 MiB): a region is one element whatever its size, so this
     * holds about 100,000 processes, and EMF keeps several times the file's size in memory.
     */
    public static final int MAX_FILE_BYTES = 32 << 20;

    /** "(file:/x.ksm, 11, 63)" at the end of an EMF message. */
    private static final Pattern LOCATION_SUFFIX = Pattern.compile("\\s*\\([^()]*, -?\\d+, -?\\d+\\)\\s*$");
    /** "com.sun.org.apache...SomeException: " in front of a parser's message. */
    private static final Pattern IMPLEMENTATION_CLASS = Pattern.compile("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    private ScenarioResources() {
    }

    /** Loads the scenario of {@code file} into a new resource set. */
    public static Scenario load(Path file) throws ScenarioLoadException {
        return load(file, ScenarioModel.createResourceSet());
    }

    /**
     * Loads the scenario of {@code file} into {@code resourceSet}. Only {@code file} is read, at
     * most {@link #MAX_FILE_BYTES}; it must be a regular file (a symbolic link to one is followed).
     * Nothing else is opened: DOCTYPE declarations are refused, schema locations ignored, and the
     * resource set's URI converter is replaced by one that opens nothing.
     */
    public static Scenario load(Path file, ResourceSet resourceSet) throws ScenarioLoadException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new ScenarioLoadException(file, 0, 0,
                    Files.exists(absolute) ? Messages.Load_NotARegularFile : Messages.Load_NoSuchFile, null);
        }
        byte[] content;
        try {
            content = readBounded(file, absolute);
        } catch (NoSuchFileException e) {
            throw new ScenarioLoadException(file, 0, 0, Messages.Load_NoSuchFile, e);
        } catch (IOException e) {
            throw new ScenarioLoadException(file, 0, 0, NLS.bind(Messages.Load_CannotReadFile, e.getMessage()), e);
        }
        return load(new ByteArrayInputStream(content), file, URI.createFileURI(absolute.toString()), resourceSet);
    }

    /**
     * Loads a scenario from {@code in} (read up to {@link #MAX_FILE_BYTES}); {@code name} names the
     * source in error messages. The stream is not closed.
     */
    public static Scenario load(InputStream in, String name, ResourceSet resourceSet) throws ScenarioLoadException {
        Path file = Path.of(name);
        byte[] content;
        try {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new ScenarioLoadException(file, 0, 0, NLS.bind(Messages.Load_CannotReadFile, e.getMessage()), e);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new ScenarioLoadException(file, 0, 0, tooLarge(">" + MAX_FILE_BYTES), null);
        }
        return load(new ByteArrayInputStream(content), file, URI.createURI(name), resourceSet);
    }

    private static byte[] readBounded(Path file, Path absolute) throws IOException, ScenarioLoadException {
        try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_FILE_BYTES) {
                throw new ScenarioLoadException(file, 0, 0, tooLarge(Long.toString(size)), null);
            }
            byte[] content = Channels.newInputStream(channel).readNBytes(MAX_FILE_BYTES + 1);
            if (content.length > MAX_FILE_BYTES) { // grew while being read
                throw new ScenarioLoadException(file, 0, 0, tooLarge(">" + MAX_FILE_BYTES), null);
            }
            return content;
        }
    }

    private static String tooLarge(String size) {
        return NLS.bind(Messages.Load_TooLarge, size, MAX_FILE_BYTES);
    }

    private static Scenario load(InputStream in, Path file, URI uri, ResourceSet resourceSet)
            throws ScenarioLoadException {
        resourceSet.setURIConverter(NoAccessUriConverter.create());
        Resource resource = new GuardedScenarioResource(uri);
        resourceSet.getResources().add(resource);
        try {
            resource.load(in, loadOptions());
        } catch (IOException | RuntimeException e) {
            throw describe(file, resource, e);
        }
        if (!resource.getErrors().isEmpty()) {
            throw fromDiagnostic(file, resource.getErrors().get(0), null);
        }
        if (resource.getContents().isEmpty()) {
            throw new ScenarioLoadException(file, 1, 1, Messages.Load_NoScenario, null);
        }
        EObject root = resource.getContents().get(0);
        if (!(root instanceof Scenario scenario)) {
            throw new ScenarioLoadException(file, 0, 0, NLS.bind(Messages.Load_WrongRoot, root.eClass().getName(),
                    ScenarioPackage.eNS_URI), null);
        }
        if (resource.getContents().size() > 1) {
            throw new ScenarioLoadException(file, 0, 0,
                    NLS.bind(Messages.Load_SeveralRoots, resource.getContents().size()), null);
        }
        return scenario;
    }

    /**
     * Saves {@code scenario} to {@code file} through {@link OutputFile}: a unique temporary file
     * beside it, fsynced and renamed over it, so that a failure leaves {@code file} intact; the
     * file's mode is kept, a symbolic link stays a link (the file it names is replaced), a new file
     * gets the user's umask. The scenario is attached to a resource for {@code file} if it has none.
     */
    public static void save(Scenario scenario, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Resource resource = scenario.eResource();
        if (resource == null) {
            resource = ScenarioModel.createResourceSet().createResource(URI.createFileURI(absolute.toString()));
            resource.getContents().add(scenario);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        resource.save(bytes, saveOptions());
        Files.createDirectories(absolute.getParent());
        OutputFile.write(absolute, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Options used to save {@code .ksm} files: UTF-8, stable formatting, no schema location. */
    public static Map<Object, Object> saveOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_ENCODING, "UTF-8");
        options.put(XMLResource.OPTION_LINE_WIDTH, 100);
        options.put(XMLResource.OPTION_SAVE_TYPE_INFORMATION, Boolean.FALSE);
        options.put(Resource.OPTION_LINE_DELIMITER, "\n");
        return options;
    }

    private static Map<Object, Object> loadOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.FALSE);
        options.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        return options;
    }

    private static ScenarioLoadException describe(Path file, Resource resource, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Resource.Diagnostic diagnostic) {
                return fromDiagnostic(file, diagnostic, e);
            }
            if (t instanceof SAXParseException sax && sax.getMessage() != null
                    && sax.getMessage().contains(GuardedScenarioResource.DISALLOW_DOCTYPE)) {
                return new ScenarioLoadException(file, sax.getLineNumber(), sax.getColumnNumber(),
                        Messages.Load_DoctypeRefused, e);
            }
            if (t instanceof SAXParseException sax) {
                return new ScenarioLoadException(file, sax.getLineNumber(), sax.getColumnNumber(),
                        NLS.bind(Messages.Load_MalformedXml, sax.getMessage()), e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (!resource.getErrors().isEmpty()) {
            return fromDiagnostic(file, resource.getErrors().get(0), e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ScenarioLoadException(file, 0, 0, NLS.bind(Messages.Load_CannotReadScenario, message), e);
    }

    /** What a value of {@code feature} must be, for the message that refuses one. */
    private static String expected(EStructuralFeature feature) {
        if (feature.getEType() instanceof EEnum type) {
            return NLS.bind(Messages.Load_ExpectedOneOf,
                    type.getELiterals().stream().map(EEnumLiteral::getLiteral).collect(Collectors.joining(", ")));
        }
        Class<?> type = feature.getEType().getInstanceClass();
        if (type == int.class || type == Integer.class) {
            return NLS.bind(Messages.Load_ExpectedInteger, Integer.toString(Integer.MIN_VALUE), Integer.toString(Integer.MAX_VALUE));
        }
        if (type == long.class || type == Long.class) {
            return NLS.bind(Messages.Load_ExpectedInteger, Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE));
        }
        if (type == boolean.class || type == Boolean.class) {
            return Messages.Load_ExpectedBoolean;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return Messages.Load_ExpectedNumber;
        }
        return NLS.bind(Messages.Load_ExpectedType, feature.getEType().getName());
    }

    /**
     * The problem a diagnostic reports without the parser's implementation class names and the
     * "(file:..., line, column)" suffix (the message starts with the location already).
     */
    private static String plainMessage(Resource.Diagnostic diagnostic) {
        String message = diagnostic.getMessage();
        if (diagnostic instanceof Throwable t) {
            for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof CharConversionException) {
                    return NLS.bind(Messages.Load_NotUtf8, c.getMessage());
                }
                if (c.getMessage() != null) {
                    message = c.getMessage();
                }
            }
        }
        if (message == null) {
            return diagnostic.getClass().getSimpleName();
        }
        message = IMPLEMENTATION_CLASS.matcher(message).replaceAll("");
        return Text.oneLine(LOCATION_SUFFIX.matcher(message).replaceAll(""));
    }

    private static ScenarioLoadException fromDiagnostic(Path file, Resource.Diagnostic diagnostic,
            @Nullable Exception cause) {
        String problem;
        if (diagnostic instanceof PackageNotFoundException notFound) {
            problem = NLS.bind(Messages.Load_UnknownNamespace, notFound.uri(), ScenarioPackage.eNS_URI);
        } else if (diagnostic instanceof FeatureNotFoundException notFound) {
            problem = NLS.bind(Messages.Load_UnknownFeature, notFound.getName());
        } else if (diagnostic instanceof ClassNotFoundException notFound) {
            problem = NLS.bind(Messages.Load_UnknownType, notFound.getName());
        } else if (diagnostic instanceof IllegalValueException illegal && illegal.getFeature() != null) {
            problem = NLS.bind(Messages.Load_IllegalValue, new Object[] { illegal.getFeature().getName(),
                    Text.oneLine(String.valueOf(illegal.getValue())), expected(illegal.getFeature()) });
        } else {
            problem = plainMessage(diagnostic);
        }
        Throwable throwable = cause != null ? cause : diagnostic instanceof Throwable t ? t : null;
        return new ScenarioLoadException(file, diagnostic.getLine(), diagnostic.getColumn(), problem, throwable);
    }
}
