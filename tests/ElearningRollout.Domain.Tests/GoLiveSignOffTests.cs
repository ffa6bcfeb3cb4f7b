using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class GoLiveSignOffTests
{
    private readonly Rollout _rollout = Given.AnActiveRollout();
    private readonly List<ClearanceGate> _gates;
    private readonly ClearanceGate _signOff;

    public GoLiveSignOffTests()
    {
        _gates = Given.GatesFor(_rollout);
        _signOff = _gates.Gate(GateKind.GoLiveSignOff);
        Given.MeetChecklist(_signOff);
        _signOff.Submit(Given.TrainerId, Given.Now);
    }

    private void ClearEveryOtherGate()
    {
        foreach (var gate in _gates.Where(g => g != _signOff))
        {
            Given.Clear(gate, _gates);
        }
    }

    [Fact]
    public void Only_an_executive_gives_go_live_sign_off()
    {
        ClearEveryOtherGate();

        var message = Refusal.Of(() => _signOff.SignOffGoLive(Given.ItLead(), null, _gates, Given.Now));

        Assert.Equal("Only an executive can give go-live sign-off.", message);
    }

    [Fact]
    public void Go_live_sign_off_is_refused_while_a_required_gate_is_not_cleared()
    {
        var message = Refusal.Of(() => _signOff.SignOffGoLive(Given.Executive(), null, _gates, Given.Now));

        Assert.StartsWith("Go-live sign-off needs every required gate cleared first; not yet cleared: Budget agreement,", message);
        Assert.False(_signOff.IsCleared);
    }

    [Fact]
    public void Go_live_sign_off_is_refused_while_any_condition_is_unmet()
    {
        ClearEveryOtherGate();
        var security = new ClearanceGate(_rollout.Id, Given.Templates.Of(GateKind.SecurityReview), isRequired: false);
        Given.MeetChecklist(security);
        security.Submit(Given.TrainerId, Given.Now);
        security.ApproveWithConditions(Given.ItLead(), "Pen test due", [new("Share pen test", "vendor-mgr", Given.Today)], Given.Now);
        _gates.Add(security);

        var message = Refusal.Of(() => _signOff.SignOffGoLive(Given.Executive(), null, _gates, Given.Now));

        Assert.Equal("Go-live sign-off cannot be given while conditions are unmet on: Security review.", message);
    }

    [Fact]
    public void Go_live_sign_off_is_given_once_everything_is_cleared_and_met()
    {
        ClearEveryOtherGate();

        _signOff.SignOffGoLive(Given.Executive(), "Pilot went well", _gates, Given.Now);

        Assert.Equal(GateState.Approved, _signOff.State);
        Assert.Equal(("exec-1", "Pilot went well"), (_signOff.CurrentRound!.DecidedById, _signOff.CurrentRound.Rationale));
    }

    [Fact]
    public void Go_live_sign_off_is_not_given_by_a_plain_approval_or_with_conditions()
    {
        ClearEveryOtherGate();

        Assert.Equal(
            "Go-live sign-off is given with the sign-off action, which checks every gate of the rollout.",
            Refusal.Of(() => _signOff.Approve(Given.Executive(), null, Given.Now)));
        Assert.Equal(
            "Go-live sign-off cannot carry conditions: it is given only once every condition is met.",
            Refusal.Of(() => _signOff.ApproveWithConditions(Given.Executive(), "Why", [new("X", "y", Given.Today)], Given.Now)));
    }

    [Fact]
    public void Only_the_sign_off_gate_is_signed_off()
    {
        var security = Given.ASubmittedGate();

        Assert.Equal(
            "Only the go-live sign-off gate is signed off this way.",
            Refusal.Of(() => security.SignOffGoLive(Given.Executive(), null, [], Given.Now)));
    }
}
