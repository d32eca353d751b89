package org.ksmstudio.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAnnotation;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * Replaces the display names EMF derives from Java names ("Max Page Sharing") in the edit
 * bundle's {@code plugin.properties} by the labels of the ecore's UI annotations
 * ("max_page_sharing", "KSM configuration"), so the Properties view speaks the kernel's words.
 */
final class EditProperties {

    private EditProperties() {
    }

    static void apply(EPackage ePackage, Path pluginProperties) throws IOException {
        Map<String, String> labels = new HashMap<>();
        labels.put("pluginName", "KSM Studio Scenario Model Edit Support");
        labels.put("providerName", "KSM Studio");
        for (EClassifier classifier : ePackage.getEClassifiers()) {
            String typeLabel = label(classifier.getEAnnotation(GenModelProperties.UI_ANNOTATION));
            if (typeLabel != null) {
                labels.put("_UI_" + classifier.getName() + "_type", typeLabel);
            }
            if (classifier instanceof EClass eClass) {
                for (EStructuralFeature feature : eClass.getEStructuralFeatures()) {
                    String featureLabel = label(feature.getEAnnotation(GenModelProperties.UI_ANNOTATION));
                    if (featureLabel != null) {
                        labels.put("_UI_" + eClass.getName() + "_" + feature.getName() + "_feature", featureLabel);
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(pluginProperties, StandardCharsets.ISO_8859_1)) {
            int equals = line.indexOf('=');
            String key = equals < 0 ? null : line.substring(0, equals).trim();
            String label = key == null ? null : labels.get(key);
            lines.add(label == null ? line : key + " = " + escape(label));
        }
        Files.write(pluginProperties, lines, StandardCharsets.ISO_8859_1);
    }

    private static String label(EAnnotation annotation) {
        return annotation == null ? null : annotation.getDetails().get("label");
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            escaped.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return escaped.toString();
    }
}
