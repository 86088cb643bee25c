/** The audit trail's rules and computations behind the boundary, free of container concerns. */
package org.oncocds.audit.control;
