package org.ksmstudio.core.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.validation.ObjectNames;

/**
 * The page-contents file of a captured scenario ({@code NAME.ksm.pages} beside {@code NAME.ksm},
 * {@link ContentIdsFile}), read once per conversion when the first captured group needs it.
 */
final class CapturedPages {

    private final Scenario model;
    private @Nullable Map<String, PageContentIds> streams;
    private @Nullable Path file;

    CapturedPages(Scenario model) {
        this.model = model;
    }

    /** The content ids of a captured group, checked against its page count. */
    PageContentIds ids(CapturedContent group) throws ConversionException {
        Map<String, PageContentIds> read = streams;
        if (read == null) {
            URI uri = model.eResource() == null ? null : model.eResource().getURI();
            if (uri == null || !uri.isFile()) {
                throw new ConversionException(NLS.bind(Messages.Convert_CapturedNotSaved, ObjectNames.of(group)));
            }
            Path file = ContentIdsFile.besides(Path.of(uri.toFileString()));
            this.file = file;
            try {
                read = ContentIdsFile.read(file);
                streams = read;
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ConversionException(NLS.bind(Messages.Convert_CapturedNoFile, ObjectNames.of(group), file));
            } catch (IOException e) {
                throw new ConversionException(e.getMessage(), e);
            }
        }
        if (!read.containsKey(group.getStream())) {
            throw new ConversionException(
                    NLS.bind(Messages.Convert_CapturedNoStream, new Object[] { ObjectNames.of(group), file, group.getStream() }));
        }
        PageContentIds ids = read.get(group.getStream());
        if (ids.pages() != group.getPages()) {
            throw new ConversionException(NLS.bind(Messages.Convert_CapturedPages,
                    new Object[] { ObjectNames.of(group), group.getPages(), group.getStream(), file, ids.pages() }));
        }
        return ids;
    }
}
