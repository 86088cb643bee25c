/** Architecture rules over all OncoCDS modules, checked on their compiled classes. */
package org.oncocds.architecture;
