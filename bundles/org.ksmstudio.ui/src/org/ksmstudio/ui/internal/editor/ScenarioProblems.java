package org.ksmstudio.ui.internal.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.validation.ScenarioDiagnostician;

/**
 * The validation problems of a scenario (EMF's Diagnostician, as {@link ScenarioDiagnostician}, with the model's
 * constraints), and for each object the worst severity in it or below it, for tree decorations.
 */
public final class ScenarioProblems {

	/** One problem: its severity ({@link Diagnostic#ERROR}, {@link Diagnostic#WARNING}), message and object. */
	public record Problem(int severity, String message, EObject object, @Nullable EStructuralFeature feature) {
	}

	private final List<Problem> problems;
	private final Map<EObject, Integer> severities = new HashMap<>();

	private ScenarioProblems(List<Problem> problems) {
		this.problems = List.copyOf(problems);
		for (Problem problem : problems) {
			for (EObject o = problem.object(); o != null; o = o.eContainer()) {
				severities.merge(o, problem.severity(), Math::max);
			}
		}
	}

	/** No problems. */
	public static ScenarioProblems none() {
		return new ScenarioProblems(List.of());
	}

	/** Validates {@code scenario}. */
	public static ScenarioProblems validate(Scenario scenario) {
		Diagnostic root = ScenarioDiagnostician.INSTANCE.validate(scenario);
		List<Problem> problems = new ArrayList<>();
		collect(root, scenario, problems);
		return new ScenarioProblems(problems);
	}

	private static void collect(Diagnostic diagnostic, EObject fallback, List<Problem> problems) {
		if (diagnostic.getChildren().isEmpty()) {
			if (diagnostic.getSeverity() >= Diagnostic.WARNING) {
				EObject object = fallback;
				EStructuralFeature feature = null;
				List<?> data = diagnostic.getData();
				if (!data.isEmpty() && data.get(0) instanceof EObject target) {
					object = target;
				}
				if (data.size() > 1 && data.get(1) instanceof EStructuralFeature f) {
					feature = f;
				}
				problems.add(new Problem(diagnostic.getSeverity(), diagnostic.getMessage(), object, feature));
			}
			return;
		}
		for (Diagnostic child : diagnostic.getChildren()) {
			collect(child, fallback, problems);
		}
	}

	/** Every problem, in validation order. */
	public List<Problem> all() {
		return problems;
	}

	/** The worst severity of {@code object} and its contents, {@link Diagnostic#OK} when none. */
	public int severity(Object object) {
		return severities.getOrDefault(object, Diagnostic.OK);
	}

	/** The message of the first error, or null. */
	public @Nullable String firstError() {
		for (Problem problem : problems) {
			if (problem.severity() >= Diagnostic.ERROR) {
				return problem.message();
			}
		}
		return null;
	}

	/** Whether there is at least one error. */
	public boolean hasErrors() {
		return problems.stream().anyMatch(p -> p.severity() >= Diagnostic.ERROR);
	}
}
