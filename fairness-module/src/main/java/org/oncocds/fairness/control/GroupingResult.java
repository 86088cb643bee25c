package org.oncocds.fairness.control;

import java.util.List;

/** The groups of one attribute or intersection, the reference among them, and the disparities. */
public record GroupingResult(String name, List<String> attributes, String referenceGroup, String referenceRule,
        List<SubgroupResult> groups, List<GapResult> gaps) {
}
