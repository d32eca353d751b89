package org.ksmstudio.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.xmi.XMIException;
import org.eclipse.emf.ecore.xmi.XMLHelper;
import org.eclipse.emf.ecore.xmi.XMLLoad;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.SAXXMIHandler;
import org.eclipse.emf.ecore.xmi.impl.XMILoadImpl;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.model.scenario.util.ScenarioResourceImpl;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The resource every scenario file is read into. Its parser refuses DOCTYPE declarations (so no
 * external entity, no entity expansion) and resolves nothing outside the document; namespaces
 * are looked up in the resource set's package registry only, so an {@code xsi:schemaLocation}
 * is never fetched; a second element for a single-valued feature (two {@code <ksm>}, two
 * {@code <topology>}) is an error instead of silently replacing the first.
 */
final class GuardedScenarioResource extends ScenarioResourceImpl {

    /** Feature of the SAX parser that refuses a document with a DOCTYPE declaration. */
    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    GuardedScenarioResource(URI uri) {
        super(uri);
    }

    @Override
    protected XMLLoad createXMLLoad() {
        return new GuardedLoad(createXMLHelper());
    }

    @Override
    @NonNullByDefault({})
    protected XMLLoad createXMLLoad(Map<?, ?> options) {
        return createXMLLoad();
    }

    /** XMI loading with a locked-down parser and the guarded handler. */
    private static final class GuardedLoad extends XMILoadImpl {
        GuardedLoad(XMLHelper helper) {
            super(helper);
        }

        @Override
        protected SAXParser makeParser() throws ParserConfigurationException, SAXException {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        }

        @Override
        protected DefaultHandler makeDefaultHandler() {
            return new GuardedHandler(resource, helper, options);
        }
    }

    /** The XMI handler without package loading and with one value per single-valued feature. */
    private static final class GuardedHandler extends SAXXMIHandler {
        private final Map<EObject, Set<EStructuralFeature>> setDuringLoad = new IdentityHashMap<>();

        GuardedHandler(XMLResource resource, XMLHelper helper, Map<?, ?> options) {
            super(resource, helper, options);
        }

        @Override
        @NonNullByDefault({})
        protected void handleXSISchemaLocation(String schemaLocations) {
            // never followed: the scenario package is built in
        }

        @Override
        @NonNullByDefault({})
        protected void handleXSINoNamespaceSchemaLocation(String schemaLocation) {
            // never followed
        }

        @Override
        @NonNullByDefault({})
        protected void processSchemaLocations(String prefix, String name) {
            // never followed
        }

        @Override
        @NonNullByDefault({})
        protected EPackage getPackageForURI(String uriString) {
            EPackage ePackage = packageRegistry.getEPackage(uriString);
            if (ePackage == null) {
                error(new PackageNotFoundException(uriString, getLocation(), getLineNumber(), getColumnNumber()));
            }
            return ePackage;
        }

        @Override
        @NonNullByDefault({})
        protected void setFeatureValue(EObject object, EStructuralFeature feature, Object value, int position) {
            if (!feature.isMany() && !setDuringLoad.computeIfAbsent(object, o -> Collections.newSetFromMap(
                    new IdentityHashMap<>())).add(feature)) {
                error(new XMIException(NLS.bind(Messages.Load_SecondValue, feature.getName(),
                        object.eClass().getName()), getLocation(), getLineNumber(), getColumnNumber()));
                return;
            }
            super.setFeatureValue(object, feature, value, position);
        }
    }
}
