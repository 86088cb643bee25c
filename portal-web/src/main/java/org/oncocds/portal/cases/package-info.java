/** A new case: the clinician's form, generated from the prediction task, and the audited treatment comparison. */
package org.oncocds.portal.cases;
