package io.rigplane.snapshot.web;

import io.rigplane.snapshot.policy.PolicyList;
import io.rigplane.snapshot.policy.PolicyView;
import io.rigplane.snapshot.policy.RunWhen;
import io.rigplane.snapshot.policy.SnapshotPolicy;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's policy form: one row per policy, plus an empty row to add one. */
public class PolicyForm {

    private List<Row> rows = new ArrayList<>();

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    static PolicyForm of(PolicyView view) {
        PolicyForm form = new PolicyForm();
        for (PolicyView.Entry e : view.policies()) {
            Row row = new Row();
            row.setLabel(e.label());
            row.setCron(e.cron());
            row.setTimeZone(e.timeZone());
            row.setKeep(e.keep());
            row.setRamState(e.ramState());
            row.setWhen(e.when().json());
            row.setEnabled(e.enabled());
            form.rows.add(row);
        }
        form.rows.add(new Row());
        return form;
    }

    /** The policies the form asks for: rows marked for removal and blank rows are left out. */
    PolicyList toPolicies() {
        return new PolicyList(rows.stream().filter(r -> !r.isRemove() && !r.blank()).map(r -> new SnapshotPolicy(
                r.getLabel().trim(), r.getCron(), r.getTimeZone(), r.getKeep(), r.isRamState(),
                "only-when-running".equals(r.getWhen()) ? RunWhen.ONLY_WHEN_RUNNING : RunWhen.ALWAYS, r.isEnabled()))
                .toList());
    }

    /** One policy as form fields. */
    public static class Row {
        private String label = "";
        private String cron = "0 3 * * *";
        private String timeZone = "UTC";
        private Integer keep = 7;
        private boolean ramState;
        private String when = "always";
        private boolean enabled = true;
        private boolean remove;

        boolean blank() {
            return label == null || label.isBlank();
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label == null ? "" : label;
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        public Integer getKeep() {
            return keep;
        }

        public void setKeep(Integer keep) {
            this.keep = keep;
        }

        public boolean isRamState() {
            return ramState;
        }

        public void setRamState(boolean ramState) {
            this.ramState = ramState;
        }

        public String getWhen() {
            return when;
        }

        public void setWhen(String when) {
            this.when = when;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }
}
