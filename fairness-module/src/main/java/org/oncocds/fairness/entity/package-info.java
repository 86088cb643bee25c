/** Stored bias reports and their sign-offs (JPA, unit oncocds-fairness): written once, never changed. */
package org.oncocds.fairness.entity;
