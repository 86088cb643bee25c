package org.oncocds.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointScheduleTest {

    @Test
    void unsetOrBlankMeansHourly() {
        assertEquals(Duration.ofHours(1), CheckpointSchedule.interval(Optional.empty()));
        assertEquals(Duration.ofHours(1), CheckpointSchedule.interval(Optional.of("  ")));
    }

    @Test
    void wholeMinutesWithinRangeAreTaken() {
        assertEquals(Duration.ofMinutes(1), CheckpointSchedule.interval(Optional.of("1")));
        assertEquals(Duration.ofMinutes(15), CheckpointSchedule.interval(Optional.of(" 15 ")));
        assertEquals(Duration.ofDays(1), CheckpointSchedule.interval(Optional.of("1440")));
    }

    @Test
    void badValuesAreRefusedNamingTheProperty() {
        for (String bad : new String[]{"0", "-5", "1441", "1.5", "PT1H", "hourly", "99999999999999999999"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> CheckpointSchedule.interval(Optional.of(bad)), bad);
            assertTrue(refused.getMessage().contains("oncocds.audit.checkpoint-interval-minutes"), refused
                    .getMessage());
        }
    }
}
