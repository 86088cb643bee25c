/** Tasks, training data, Weka models and their registry; Weka types never leave this package. */
package org.oncocds.prediction.control;
