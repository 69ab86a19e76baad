#pragma once

#include "core/catalog/catalog.h"
#include "core/fleet/fleet_session.h"
#include "core/fleet/rollout.h"
#include "core/jobs/job_runner.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace plumb::ui {

class Workbench;

// A planned fleet, as the Fleet view holds it: what applyFleet needs.
struct PlannedFleet {
    fleet::FleetSession fleet;
    fleet::FleetPlan plan;
    std::shared_ptr<const catalog::Catalog> declared;
};

// The fleets of the open project (its environments with a `fleet:` block): Plan reads every
// target in a job and shows the groups by live fingerprint (the norm first, the drifted ones
// marked), each with its members and its plan's steps. Apply asks by the fleet's rule (the
// environment's name typed on a protected one), then rolls the plan out in a job
// (fleet::applyFleet: canary, waves, failure budget) and shows each target's wave, state,
// elapsed time and error as it goes; the status is saved where `plumb fleet status` reads it.
class FleetView : public QWidget {
    Q_OBJECT
public:
    explicit FleetView(Workbench* workbench, QWidget* parent = nullptr);

    // Plans the chosen environment's fleet in a job (what the Plan button does).
    void planFleet();
    // Asks, then applies the last plan (what the Apply button does).
    void applyFleet();
    const PlannedFleet* plannedFleet() const { return m_planned.get(); }
    const fleet::RolloutStatus& rollout() const { return m_rollout; }

signals:
    void planned(int groups);
    void applied(bool ok);

private:
    void listEnvironments();
    void showPlan();
    void showRollout();
    void runApply(std::shared_ptr<const PlannedFleet> planned, const QString& confirmation);

    Workbench* m_workbench;
    QComboBox* m_environment;
    QPushButton* m_plan;
    QPushButton* m_apply;
    QLabel* m_summary;
    QTreeWidget* m_groups;
    QTreeWidget* m_status;
    std::shared_ptr<const PlannedFleet> m_planned;
    fleet::RolloutStatus m_rollout;
    bool m_applying = false;
    jobs::LatestRequest m_latest;
};

} // namespace plumb::ui
