package org.oncocds.fairness.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.oncocds.fairness.control.RowRefusedException;
import org.oncocds.fairness.control.SubgroupAnalysis;

/**
 * Bias reports over scored, labelled rows (cross-validation predictions, audited recommendations with outcomes, or
 * an uploaded table). Rows are read once and not kept, so a report's memory does not grow with their number.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BiasReports {

    /**
     * Reads every row once and reports per-group metrics and disparities with bootstrap intervals and verdicts.
     *
     * @throws InvalidBiasInputException if there are no rows or a row has a label other than 0/1, a score outside
     *                                   0..1, or a missing or unusable attribute value; the message names the row
     *                                   and the column
     */
    public BiasReport report(BiasReportRequest request, Iterable<ScoredRow> rows) {
        if (request == null) {
            throw new InvalidBiasInputException("request", "a report request is required");
        }
        if (rows == null) {
            throw new InvalidBiasInputException("rows", "rows are required");
        }
        SubgroupAnalysis analysis = new SubgroupAnalysis(ReportTranslation.plan(request));
        try {
            for (ScoredRow row : rows) {
                if (row == null) {
                    throw new InvalidBiasInputException("rows", analysis.rows() + 1, "row " + (analysis.rows() + 1)
                            + " is empty");
                }
                analysis.add(row.label(), row.score(), row.attributes());
            }
        } catch (RowRefusedException e) {
            throw new InvalidBiasInputException(e.column(), e.row(), e.getMessage());
        }
        if (analysis.rows() == 0) {
            throw new InvalidBiasInputException("rows", "there are no rows to report on");
        }
        return ReportTranslation.report(request, analysis.finish());
    }
}
