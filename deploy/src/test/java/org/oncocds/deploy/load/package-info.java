/**
 * Bounded concurrent load on the started system's REST API against 127.0.0.1 only: the recommendation load used by the
 * crash test and the throughput run.
 */
package org.oncocds.deploy.load;
