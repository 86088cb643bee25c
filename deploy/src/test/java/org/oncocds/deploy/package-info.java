/** End-to-end tests of OncoCDS started by its one-command start script, driven through a real browser. */
package org.oncocds.deploy;
