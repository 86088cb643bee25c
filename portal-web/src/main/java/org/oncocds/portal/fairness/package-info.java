/** The compliance officer's fairness pages: bias reports, their sign-off and CSV uploads of any model's predictions. */
package org.oncocds.portal.fairness;
