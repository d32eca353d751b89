package org.ksmstudio.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.resource.impl.URIHandlerImpl;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/**
 * The URI converter of a resource set that scenarios are loaded into: it opens nothing, neither
 * a URL nor a file. The scenario's own bytes are handed to the resource as a stream, so anything
 * else EMF would open (a schema location, a cross-document reference) is refused.
 */
final class NoAccessUriConverter {

    private NoAccessUriConverter() {
    }

    /** A new converter (each resource set gets its own: a converter carries a mutable URI map). */
    static URIConverter create() {
        return new ExtensibleURIConverterImpl(List.of(new RefusingHandler()), List.of());
    }

    /** Handles every URI by refusing it. */
    private static final class RefusingHandler extends URIHandlerImpl {
        @Override
        @NonNullByDefault({})
        public boolean canHandle(URI uri) {
            return true;
        }

        @Override
        @NonNullByDefault({})
        public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        @Override
        @NonNullByDefault({})
        public OutputStream createOutputStream(URI uri, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        @Override
        @NonNullByDefault({})
        public void delete(URI uri, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        @Override
        @NonNullByDefault({})
        public boolean exists(URI uri, Map<?, ?> options) {
            return false;
        }

        @Override
        @NonNullByDefault({})
        public Map<String, ?> getAttributes(URI uri, Map<?, ?> options) {
            return Map.of();
        }

        @Override
        @NonNullByDefault({})
        public void setAttributes(URI uri, Map<String, ?> attributes, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        private static IOException refused(URI uri) {
            return new IOException(NLS.bind(Messages.Load_ExternalRefused, uri));
        }
    }
}
