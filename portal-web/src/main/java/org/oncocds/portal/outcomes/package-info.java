/** The clinician's follow-up: outcomes recorded for patients, which the fairness module's live monitoring uses. */
package org.oncocds.portal.outcomes;
