package org.oncocds.deploy;

/** The demo users the realm import creates, one per role, with their documented passwords. */
enum DemoUser {

    CLINICIAN("clinician", "clinician-demo"), COMPLIANCE_OFFICER("compliance", "compliance-demo"), ADMIN("admin",
            "admin-demo");

    private final String userName;
    private final String password;

    DemoUser(String userName, String password) {
        this.userName = userName;
        this.password = password;
    }

    String userName() {
        return userName;
    }

    String password() {
        return password;
    }
}
