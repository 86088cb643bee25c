package org.oncocds.prediction.boundary;

/**
 * A model version's card, one text per TRIPOD+AI item.
 *
 * @param dataSource
 *            where the training data comes from, its period and licence
 * @param outcomeAndHorizon
 *            what is predicted, by when
 * @param exclusions
 *            which patients were left out of training and why
 * @param predictors
 *            the inputs with units and ranges, and the treatment options
 * @param missingData
 *            how missing inputs are handled
 * @param performance
 *            the cross-validated discrimination and calibration, and the algorithm
 * @param intendedUse
 *            who should use it for what, and what not
 * @param limitations
 *            what the model cannot know or may get wrong
 */
public record ModelCard(String dataSource, String outcomeAndHorizon, String exclusions, String predictors,
        String missingData, String performance, String intendedUse, String limitations) {
}
