/** Integration tests of the fairness boundary in a managed Payara Micro, with beans that call it in a given role. */
package org.oncocds.fairness.it;
