package org.oncocds.fairness.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.Reader;
import org.oncocds.fairness.control.RowRefusedException;
import org.oncocds.fairness.control.SubgroupAnalysis;
import org.oncocds.fairness.control.UploadedTable;

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
        SubgroupAnalysis analysis = new SubgroupAnalysis(ReportTranslation.plan(request, false));
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

    /**
     * The same report over an uploaded CSV table with a header row, read once as a stream: the label and score (or
     * decision) columns named in {@code columns}, the attribute columns named in the request. At most
     * {@value org.oncocds.fairness.control.UploadedTable#MAX_CHARACTERS} characters.
     *
     * @throws InvalidBiasInputException if the upload is empty, too long, lacks a named column, or a record is
     *                                   malformed or has an invalid value; the message names the line (the header
     *                                   is line 1) and the column
     */
    public BiasReport reportFromCsv(BiasReportRequest request, CsvColumns columns, Reader csv) {
        if (request == null || columns == null || csv == null) {
            throw new InvalidBiasInputException("request", "a report request, its columns and the upload are required");
        }
        SubgroupAnalysis analysis = new SubgroupAnalysis(ReportTranslation.plan(request, columns.decisionsOnly()));
        try {
            UploadedTable.read(csv, columns.label(), columns.prediction(), columns.decisionsOnly(), analysis);
        } catch (RowRefusedException e) {
            throw new InvalidBiasInputException(e.column(), e.row(), e.getMessage());
        } catch (IOException e) {
            throw new InvalidBiasInputException("upload", "the upload could not be read: " + e.getMessage());
        }
        if (analysis.rows() == 0) {
            throw new InvalidBiasInputException("upload", "the upload has a header but no rows");
        }
        return ReportTranslation.report(request, analysis.finish());
    }
}
