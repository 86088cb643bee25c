package org.oncocds.prediction.boundary;

/**
 * An administrator's request to add a prediction task from a dataset file and its definition.
 *
 * @param fileName
 *            the uploaded file's name; its ending says the format: {@code .csv} (UTF-8, header row, comma-separated,
 *            RFC 4180 quoting, empty field = missing) or {@code .arff} (read with Weka's own loader)
 * @param dataset
 *            the file's bytes, at most {@link TaskUploads#MAX_DATASET_BYTES}
 * @param definitionJson
 *            what the task predicts and from which columns, as JSON (see docs/model-registry.md, "Adding a task")
 */
public record TaskUpload(String fileName, byte[] dataset, String definitionJson) {
}
