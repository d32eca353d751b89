package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ksmstudio.live.ui.internal.views.LiveView;

/**
 * The Live Kernel view's toolbar: the actions that write to the real kernel carry a label saying
 * so and an icon of their own, not the green arrow of the simulation's Run.
 */
class LiveToolbarTest {

	private final Widgets ui = new Widgets();

	@AfterEach
	void close() {
		ui.run(() -> {
			IWorkbenchPage page = page();
			IViewPart view = page.findView(LiveView.ID);
			if (view != null) {
				page.hideView(view);
			}
		});
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@Test
	void realKernelActionsAreLabelledAndNotTheGreenRunArrow() {
		ui.run(() -> {
			try {
				page().showView(LiveView.ID);
			} catch (PartInitException e) {
				throw new IllegalStateException(e);
			}
		});
		ToolBar toolbar = ui.find(ToolBar.class, t -> t.isVisible() && labels(t).contains("Replay on Kernel"), //$NON-NLS-1$
				"the Live Kernel toolbar with a labelled Replay"); //$NON-NLS-1$
		List<String> labels = ui.sync(() -> labels(toolbar));
		assertTrue(labels.containsAll(List.of("Apply to Kernel", "Replay on Kernel", "Calibrate on Kernel")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				labels.toString());
		ImageData replay = ui.sync(() -> item(toolbar, "Replay on Kernel").getImage().getImageData()); //$NON-NLS-1$
		double green = greenShare(replay);
		assertTrue(green < 0.05, "the replay icon is not a green arrow: " + Math.round(100 * green) + " % green pixels"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(16, replay.width);
	}

	private static List<String> labels(ToolBar toolbar) {
		List<String> labels = new ArrayList<>();
		for (ToolItem item : toolbar.getItems()) {
			labels.add(item.getText());
		}
		return labels;
	}

	private static ToolItem item(ToolBar toolbar, String text) {
		for (ToolItem item : toolbar.getItems()) {
			if (text.equals(item.getText())) {
				return item;
			}
		}
		throw new AssertionError("no tool item " + text); //$NON-NLS-1$
	}

	/** The share of the opaque pixels that are clearly green. */
	private static double greenShare(ImageData image) {
		int opaque = 0;
		int green = 0;
		for (int y = 0; y < image.height; y++) {
			for (int x = 0; x < image.width; x++) {
				if (image.getAlpha(x, y) < 128) {
					continue;
				}
				opaque++;
				RGB rgb = image.palette.getRGB(image.getPixel(x, y));
				if (rgb.green > rgb.red + 40 && rgb.green > rgb.blue + 40) {
					green++;
				}
			}
		}
		return opaque == 0 ? 0 : green / (double) opaque;
	}
}
