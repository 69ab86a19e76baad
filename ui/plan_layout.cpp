#include "plan_layout.h"

namespace plumb::ui {

std::shared_ptr<const PlanLayout> layOutPlan(workflow::ProjectPlan planned)
{
    auto layout = std::make_shared<PlanLayout>();
    layout->planned = std::move(planned);
    const QList<plan::Step>& steps = layout->planned.plan.steps;
    layout->placeOfStep.reserve(std::size_t(steps.size()));
    for (int step = 0; step < steps.size(); ++step) {
        const plan::Pass pass = steps[step].pass;
        if (layout->groups.isEmpty() || layout->groups.last().pass != pass)
            layout->groups.append({pass, {}});
        layout->placeOfStep.emplace_back(int(layout->groups.size()) - 1,
                                         int(layout->groups.last().steps.size()));
        layout->groups.last().steps.append(step);
    }
    return layout;
}

std::shared_ptr<const PlanLayout> layOutPlan(plan::Plan plan)
{
    workflow::ProjectPlan planned;
    planned.plan = std::move(plan);
    return layOutPlan(std::move(planned));
}

} // namespace plumb::ui
