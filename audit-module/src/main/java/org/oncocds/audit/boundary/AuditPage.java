package org.oncocds.audit.boundary;

import java.util.List;

/**
 * One page of search results, newest first.
 *
 * @param next
 *            where the following (older) page starts; null when this is the last page
 */
public record AuditPage(List<AuditRow> rows, AuditCursor next) {
}
