package org.ksmstudio.core.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.model.MessageBundle;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.validation.ObjectNames;

/**
 * The page-contents file of a captured scenario ({@code NAME.ksm.pages} beside {@code NAME.ksm},
 * {@link ContentIdsFile}), read once per conversion when the first captured group needs it.
 */
final class CapturedPages {

    private final Scenario model;
    private Map<String, PageContentIds> streams;
    private Path file;

    CapturedPages(Scenario model) {
        this.model = model;
    }

    /** The content ids of a captured group, checked against its page count. */
    PageContentIds ids(CapturedContent group) throws ConversionException {
        if (streams == null) {
            URI uri = model.eResource() == null ? null : model.eResource().getURI();
            if (uri == null || !uri.isFile()) {
                throw new ConversionException(MessageBundle.bind(Messages.Convert_CapturedNotSaved, ObjectNames.of(group)));
            }
            file = ContentIdsFile.besides(Path.of(uri.toFileString()));
            try {
                streams = ContentIdsFile.read(file);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ConversionException(MessageBundle.bind(Messages.Convert_CapturedNoFile, ObjectNames.of(group), file));
            } catch (IOException e) {
                throw new ConversionException(e.getMessage(), e);
            }
        }
        PageContentIds ids = streams.get(group.getStream());
        if (ids == null) {
            throw new ConversionException(
                    MessageBundle.bind(Messages.Convert_CapturedNoStream, ObjectNames.of(group), file, group.getStream()));
        }
        if (ids.pages() != group.getPages()) {
            throw new ConversionException(MessageBundle.bind(Messages.Convert_CapturedPages,
                    new Object[] { ObjectNames.of(group), group.getPages(), group.getStream(), file, ids.pages() }));
        }
        return ids;
    }
}
