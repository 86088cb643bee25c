/** Integration tests of the audit boundary in a managed Payara Micro, with beans that call it in a given role. */
package org.oncocds.audit.it;
