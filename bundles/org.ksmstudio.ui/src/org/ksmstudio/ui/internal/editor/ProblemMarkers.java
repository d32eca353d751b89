package org.ksmstudio.ui.internal.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.ksmstudio.model.validation.ObjectNames;
import org.ksmstudio.ui.internal.Messages;

/** Mirrors a scenario's validation problems as problem markers on its workspace file (the Problems view). */
final class ProblemMarkers {

	/** Marker type of scenario validation problems (a subtype of {@link IMarker#PROBLEM}). */
	static final String TYPE = "org.ksmstudio.ui.scenarioProblem"; //$NON-NLS-1$
	/** Marker attribute holding the URI fragment of the object with the problem. */
	static final String OBJECT = "org.ksmstudio.ui.object"; //$NON-NLS-1$

	private ProblemMarkers() {
	}

	/** Replaces the markers of {@code file} by {@code problems}, in a workspace job. */
	static void update(IFile file, ScenarioProblems problems) {
		WorkspaceJob job = new WorkspaceJob(Messages.markersJob) {
			@Override
			@NonNullByDefault({})
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				if (!file.exists()) {
					return Status.OK_STATUS;
				}
				file.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
				for (ScenarioProblems.Problem problem : problems.all()) {
					IMarker marker = file.createMarker(TYPE);
					marker.setAttribute(IMarker.MESSAGE, problem.message());
					marker.setAttribute(IMarker.SEVERITY, problem.severity() >= Diagnostic.ERROR
							? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
					marker.setAttribute(IMarker.LOCATION, ObjectNames.of(problem.object()));
					marker.setAttribute(OBJECT, EcoreUtil.getURI(problem.object()).fragment());
				}
				return Status.OK_STATUS;
			}
		};
		job.setRule(file);
		job.setSystem(true);
		job.schedule();
	}
}
