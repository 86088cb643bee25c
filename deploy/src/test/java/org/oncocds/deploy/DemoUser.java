package org.oncocds.deploy;

/** The demo users the realm import creates, one per role, with their documented passwords. */
enum DemoUser {

    CLINICIAN("clinician", "clinician-demo", "clinician"), COMPLIANCE_OFFICER("compliance", "compliance-demo",
            "compliance-officer"), ADMIN("admin", "admin-demo", "admin"), DATA_MANAGER("datamanager",
                    "datamanager-demo", "data-manager");

    private final String userName;
    private final String password;
    private final String role;

    DemoUser(String userName, String password, String role) {
        this.userName = userName;
        this.password = password;
        this.role = role;
    }

    /** The user's realm role. */
    String role() {
        return role;
    }

    String userName() {
        return userName;
    }

    String password() {
        return password;
    }
}
