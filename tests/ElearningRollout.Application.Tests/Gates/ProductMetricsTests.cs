using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Security;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>The product's meter counts what operations watch: gate decisions and the notifications they cause.</summary>
public sealed class ProductMetricsTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private sealed record Measurement(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags);

    [Fact]
    public async Task A_stored_gate_decision_and_its_notifications_are_counted()
    {
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProductMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        // Ivan approves a security review with a condition owned by Tara (other tests may count meanwhile: look for this one).
        await new PermissionScenario(database).GateWithConditionAsync();

        Assert.Contains(measurements, m => m.Instrument == "elearningrollout.gate.decisions" && m.Value == 1
            && Equals(m.Tags["gate.kind"], "SecurityReview") && Equals(m.Tags["gate.decision"], "ApprovedWithConditions"));
        Assert.Contains(measurements, m => m.Instrument == "elearningrollout.notifications.sent" && m.Value >= 1
            && Equals(m.Tags["notification.kind"], "ConditionAssignedToMe"));
        Assert.Contains(measurements, m => m.Instrument == "elearningrollout.notifications.sent"
            && Equals(m.Tags["notification.kind"], "GateSubmittedToMe"));
    }

    [Fact]
    public void The_instruments_have_the_documented_names()
    {
        Assert.Equal("ElearningRollout", ProductMetrics.MeterName);
        Assert.Equal("elearningrollout.gate.decisions", ProductMetrics.GateDecisions.Name);
        Assert.Equal("elearningrollout.notifications.sent", ProductMetrics.NotificationsSent.Name);
        Assert.Equal("elearningrollout.email.failures", ProductMetrics.EmailFailures.Name);
    }
}
