/**
 * The prediction module's public face: the facades that compare treatments and describe tasks, and the records and
 * errors they exchange with other modules.
 */
package org.oncocds.prediction.boundary;
