package org.ksmstudio.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds sharing policies by name: the built-in ones, then those registered with {@link ServiceLoader}. */
public final class SharingPolicies {
    private SharingPolicies() {
    }

    /** Every known policy, built-in first. */
    public static List<SharingPolicy> all() {
        List<SharingPolicy> list = new ArrayList<>(List.of(new StockPolicy(), new NoLimitPolicy()));
        for (SharingPolicy p : ServiceLoader.load(SharingPolicy.class, SharingPolicies.class.getClassLoader())) {
            list.add(p);
        }
        return list;
    }

    /**
     * The policy named {@code name}, which may carry parameters as in {@code "resched:every=8"} (see
     * {@link PolicyParameters}); throws IllegalArgumentException naming the known ones.
     */
    public static SharingPolicy byName(String name) {
        List<String> names = new ArrayList<>();
        String base = PolicyParameters.baseName(name);
        for (SharingPolicy p : all()) {
            if (p.name().equals(base)) {
                return PolicyParameters.configure(p, name);
            }
            names.add(p.name());
        }
        throw new IllegalArgumentException("policy = " + name + ": unknown sharing policy (known: " + names + ")");
    }
}
