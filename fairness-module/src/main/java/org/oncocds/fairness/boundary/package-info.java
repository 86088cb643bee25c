/** Bias reports over scored, labelled rows: the facade, its request and result records, and its refusal. */
package org.oncocds.fairness.boundary;
