/** The prediction module's stored state: model versions with their serialized models, metrics and model cards. */
package org.oncocds.prediction.entity;
