#pragma once

#include "core/workflow/live.h"

#include <QList>
#include <memory>
#include <utility>
#include <vector>

namespace plumb::ui {

// A plan as the Plan view lays it out: its steps grouped by pass, and each step's group and row.
// Made on a worker (with the project snapshot, or by the job that plans another mode) and adopted
// whole, so that the GUI thread neither groups a 10,000-table plan's 53,000 steps nor frees the
// layout it replaces. Immutable once made.
struct PlanLayout {
    struct PassGroup {
        plan::Pass pass;
        QList<int> steps; // indexes into planned.plan.steps
    };
    workflow::ProjectPlan planned; // a saved plan under review fills only planned.plan
    QList<PassGroup> groups;
    std::vector<std::pair<int, int>> placeOfStep; // by step: its group and its row in it
};

// Lays `planned` out. Pure; runs on any thread.
std::shared_ptr<const PlanLayout> layOutPlan(workflow::ProjectPlan planned);
// A plan with no database behind it (a saved plan under review).
std::shared_ptr<const PlanLayout> layOutPlan(plan::Plan plan);

} // namespace plumb::ui
