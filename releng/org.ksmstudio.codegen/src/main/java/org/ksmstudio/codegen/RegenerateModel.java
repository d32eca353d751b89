package org.ksmstudio.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Regenerates the EMF model and edit code of KSM Studio, without OSGi.
 * <p>
 * The single source is {@code bundles/org.ksmstudio.model/model/ksmstudio.ecore}: the genmodel
 * ({@code model/ksmstudio.genmodel}) is derived from it with the settings of {@link GenModelProperties}
 * (property categories and descriptions come from the ecore's annotations) and committed beside it.
 * <p>
 * The generator runs in a scratch copy of the two bundles (their committed
 * {@code src-gen} trees included, so JMerge keeps members marked
 * {@code @generated NOT}); the outputs are then copied back, or, with
 * {@code --check}, compared with the committed files.
 * <p>
 * Usage: {@code RegenerateModel --root REPO [--check]}. Exit code 0 when the
 * code was regenerated or is up to date, 1 when {@code --check} finds
 * differences, 2 on a usage or generation error.
 */
public final class RegenerateModel {

    private static final String MODEL = "org.ksmstudio.model";
    private static final String EDIT = "org.ksmstudio.model.edit";
    private static final String GENMODEL = "model/ksmstudio.genmodel";
    private static final String ECORE = "model/ksmstudio.ecore";

    /** Outputs the generator owns: everything else in the bundles is hand-written. */
    private static final List<String> OUTPUTS = List.of(
            MODEL + "/src-gen",
            EDIT + "/src-gen",
            EDIT + "/icons",
            EDIT + "/plugin.properties");

    private RegenerateModel() {
    }

    public static void main(String[] args) throws IOException {
        Path root = null;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--check" -> check = true;
                default -> {
                    System.err.println("usage: RegenerateModel --root REPO [--check] (unknown argument " + args[i] + ")");
                    System.exit(2);
                }
            }
        }
        if (root == null) {
            root = Path.of("").toAbsolutePath();
        }
        Path bundles = root.toAbsolutePath().normalize().resolve("bundles");
        if (!Files.isRegularFile(bundles.resolve(MODEL).resolve(ECORE))) {
            System.err.println("no " + MODEL + "/" + ECORE + " under " + bundles);
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("ksmstudio-codegen");
        Path fresh = Files.createTempDirectory("ksmstudio-codegen-fresh");
        try {
            for (String bundle : List.of(MODEL, EDIT)) {
                copyTree(bundles.resolve(bundle), scratch.resolve(bundle), true);
                copyTree(bundles.resolve(bundle), fresh.resolve(bundle), true);
            }
            for (String output : OUTPUTS) {
                deleteTree(fresh.resolve(output));
            }
            for (String output : List.of(EDIT + "/plugin.properties", EDIT + "/icons")) {
                deleteTree(scratch.resolve(output));
            }
            // A generation from nothing tells which files the model produces; the one over the
            // committed sources (JMerge keeps "@generated NOT" members) gives their content.
            generate(fresh);
            EPackage ePackage = generate(scratch);
            for (String output : List.of(MODEL + "/src-gen", EDIT + "/src-gen")) {
                removeFilesAbsentFrom(scratch.resolve(output), fresh.resolve(output));
            }
            EditProperties.apply(ePackage, scratch.resolve(EDIT).resolve("plugin.properties"));
            List<String> differences = new ArrayList<>();
            for (String output : OUTPUTS) {
                differences.addAll(compare(scratch.resolve(output), bundles.resolve(output), output));
            }
            differences.addAll(compare(scratch.resolve(MODEL).resolve(GENMODEL),
                    bundles.resolve(MODEL).resolve(GENMODEL), MODEL + "/" + GENMODEL));
            if (check) {
                if (differences.isEmpty()) {
                    System.out.println("EMF generated code is up to date.");
                    return;
                }
                System.err.println("EMF generated code is out of date (" + differences.size()
                        + " files); run releng/org.ksmstudio.codegen/regenerate.sh:");
                differences.stream().limit(20).forEach(d -> System.err.println("  " + d));
                if (differences.size() > 20) {
                    System.err.println("  ...");
                }
                System.exit(1);
            }
            for (String output : OUTPUTS) {
                deleteTree(bundles.resolve(output));
                copyTree(scratch.resolve(output), bundles.resolve(output), false);
            }
            Files.copy(scratch.resolve(MODEL).resolve(GENMODEL), bundles.resolve(MODEL).resolve(GENMODEL),
                    StandardCopyOption.REPLACE_EXISTING);
            System.out.println(differences.isEmpty() ? "EMF generated code was already up to date."
                    : "Regenerated " + differences.size() + " file(s).");
        } finally {
            deleteTree(scratch);
            deleteTree(fresh);
        }
    }

    /**
     * Derives the genmodel from the ecore (settings from {@link GenModelProperties}), saves it and runs
     * the EMF generator for the model and edit projects in {@code workspace}.
     */
    private static EPackage generate(Path workspace) throws IOException {
        EcorePackage.eINSTANCE.eClass();
        GenModelPackage.eINSTANCE.eClass();
        ResourceSet resourceSet = new ResourceSetImpl();
        Map<String, Object> factories = resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap();
        factories.put("ecore", new EcoreResourceFactoryImpl());
        factories.put("genmodel", new XMIResourceFactoryImpl());
        for (String bundle : List.of(MODEL, EDIT)) {
            resourceSet.getURIConverter().getURIMap().put(
                    URI.createPlatformResourceURI("/" + bundle + "/", false),
                    URI.createFileURI(workspace.resolve(bundle) + "/"));
        }
        URI ecoreUri = URI.createPlatformResourceURI("/" + MODEL + "/" + ECORE, false);
        EPackage ePackage = (EPackage) resourceSet.getResource(ecoreUri, true).getContents().get(0);
        URI genModelUri = URI.createPlatformResourceURI("/" + MODEL + "/" + GENMODEL, false);
        Resource genModelResource = resourceSet.createResource(genModelUri);
        GenModel genModel = GenModelFactory.eINSTANCE.createGenModel();
        genModelResource.getContents().add(genModel);
        genModel.initialize(List.of(ePackage));
        GenModelProperties.apply(genModel);
        genModel.setCanGenerate(true);
        genModelResource.save(Map.of(Resource.OPTION_LINE_DELIMITER, "\n"));

        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(
                GenModelPackage.eNS_URI, GenModelGeneratorAdapterFactory.DESCRIPTOR);
        Generator generator = new Generator();
        generator.getOptions().dynamicTemplates = false;
        generator.setInput(genModel);
        for (String projectType : List.of(GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE)) {
            Diagnostic diagnostic = generator.generate(genModel, projectType, new BasicMonitor());
            if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
                throw new IllegalStateException("EMF code generation failed: " + diagnostic);
            }
        }
        generator.dispose();
        return ePackage;
    }

    /** Deletes the files of {@code tree} that have no counterpart in {@code reference}. */
    private static void removeFilesAbsentFrom(Path tree, Path reference) throws IOException {
        for (String name : relativeFiles(tree)) {
            if (!Files.exists(reference.resolve(name))) {
                Files.delete(tree.resolve(name));
            }
        }
    }

    private static List<String> compare(Path generated, Path committed, String label) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        names.addAll(relativeFiles(generated));
        names.addAll(relativeFiles(committed));
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            Path g = name.isEmpty() ? generated : generated.resolve(name);
            Path c = name.isEmpty() ? committed : committed.resolve(name);
            String shown = name.isEmpty() ? label : label + "/" + name;
            if (!Files.exists(g)) {
                differences.add("stale:   " + shown);
            } else if (!Files.exists(c)) {
                differences.add("missing: " + shown);
            } else if (Files.mismatch(g, c) != -1) {
                differences.add("changed: " + shown);
            }
        }
        return differences;
    }

    private static List<String> relativeFiles(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of("");
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).map(p -> path.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static void copyTree(Path from, Path to, boolean skipBuildOutput) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                String relative = from.relativize(source).toString();
                if (skipBuildOutput && (relative.startsWith("target") || relative.startsWith("bin"))) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
