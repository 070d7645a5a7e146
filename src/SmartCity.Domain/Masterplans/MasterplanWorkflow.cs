namespace SmartCity.Domain.Masterplans;

public enum MasterplanAction
{
    Edit,
    Submit,
    RequestRevision,
    Approve,
    Amend,
}

/// <summary>The state machine: draft → submitted → revision requested → (edited) → submitted → approved; approved → amend (new draft version).</summary>
public static class MasterplanWorkflow
{
    public static bool IsAllowed(MasterplanState state, MasterplanAction action) => (state, action) switch
    {
        (MasterplanState.Draft, MasterplanAction.Edit) => true,
        (MasterplanState.RevisionRequested, MasterplanAction.Edit) => true,
        (MasterplanState.Draft, MasterplanAction.Submit) => true,
        (MasterplanState.RevisionRequested, MasterplanAction.Submit) => true,
        (MasterplanState.Submitted, MasterplanAction.RequestRevision) => true,
        (MasterplanState.Submitted, MasterplanAction.Approve) => true,
        (MasterplanState.Approved, MasterplanAction.Amend) => true,
        _ => false,
    };

    public static MasterplanState After(MasterplanState state, MasterplanAction action)
    {
        if (!IsAllowed(state, action))
        {
            throw new InvalidOperationException($"{action} is not allowed in state {state}.");
        }

        return action switch
        {
            MasterplanAction.Edit => state,
            MasterplanAction.Submit => MasterplanState.Submitted,
            MasterplanAction.RequestRevision => MasterplanState.RevisionRequested,
            MasterplanAction.Approve => MasterplanState.Approved,
            MasterplanAction.Amend => MasterplanState.Draft,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
