using SmartCity.Domain.Masterplans;

namespace SmartCity.UnitTests.Domain.Masterplans;

public class MasterplanWorkflowTests
{
    /// <summary>The whole state machine of DOMAIN.md: every allowed (state, action) and the state it leads to.</summary>
    private static readonly Dictionary<(MasterplanState State, MasterplanAction Action), MasterplanState> Allowed = new()
    {
        [(MasterplanState.Draft, MasterplanAction.Edit)] = MasterplanState.Draft,
        [(MasterplanState.Draft, MasterplanAction.Submit)] = MasterplanState.Submitted,
        [(MasterplanState.Submitted, MasterplanAction.RequestRevision)] = MasterplanState.RevisionRequested,
        [(MasterplanState.Submitted, MasterplanAction.Approve)] = MasterplanState.Approved,
        [(MasterplanState.RevisionRequested, MasterplanAction.Edit)] = MasterplanState.RevisionRequested,
        [(MasterplanState.RevisionRequested, MasterplanAction.Submit)] = MasterplanState.Submitted,
        [(MasterplanState.Approved, MasterplanAction.Amend)] = MasterplanState.Draft,
    };

    public static TheoryData<MasterplanState, MasterplanAction> AllPairs()
    {
        var data = new TheoryData<MasterplanState, MasterplanAction>();
        foreach (var state in Enum.GetValues<MasterplanState>())
        {
            foreach (var action in Enum.GetValues<MasterplanAction>())
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_matches_the_table(MasterplanState state, MasterplanAction action)
    {
        Assert.Equal(Allowed.ContainsKey((state, action)), MasterplanWorkflow.IsAllowed(state, action));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void After_leads_to_the_table_state_or_throws(MasterplanState state, MasterplanAction action)
    {
        if (Allowed.TryGetValue((state, action), out var expected))
        {
            Assert.Equal(expected, MasterplanWorkflow.After(state, action));
        }
        else
        {
            var error = Assert.Throws<InvalidOperationException>(() => MasterplanWorkflow.After(state, action));
            Assert.Contains(action.ToString(), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Exactly_seven_transitions_are_allowed()
    {
        var allowed = Enum.GetValues<MasterplanState>()
            .SelectMany(s => Enum.GetValues<MasterplanAction>().Select(a => (s, a)))
            .Where(p => MasterplanWorkflow.IsAllowed(p.s, p.a))
            .ToHashSet();

        Assert.Equal(Allowed.Keys.ToHashSet(), allowed);
    }

    [Theory]
    [InlineData(MasterplanState.Submitted)]
    [InlineData(MasterplanState.Approved)]
    public void Submitted_and_approved_plans_cannot_be_edited(MasterplanState state)
    {
        Assert.False(MasterplanWorkflow.IsAllowed(state, MasterplanAction.Edit));
    }

    [Fact]
    public void The_documented_path_reaches_approval_and_an_amendment()
    {
        var state = MasterplanState.Draft;
        MasterplanAction[] path =
        [
            MasterplanAction.Edit,
            MasterplanAction.Submit,
            MasterplanAction.RequestRevision,
            MasterplanAction.Edit,
            MasterplanAction.Submit,
            MasterplanAction.Approve,
        ];
        foreach (var action in path)
        {
            state = MasterplanWorkflow.After(state, action);
        }

        Assert.Equal(MasterplanState.Approved, state);
        Assert.Equal(MasterplanState.Draft, MasterplanWorkflow.After(state, MasterplanAction.Amend));
    }
}
