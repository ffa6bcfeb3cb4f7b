using ElearningRollout.Application.Audit;

namespace ElearningRollout.Application.Tests.Audit;

/// <summary>
/// Entries recorded by hand (account events, SCIM provisioning, tokens) store whatever their values were, not only
/// text; the History and the audit page must read every one of them.
/// </summary>
public class AuditTextTests
{
    [Fact]
    public void Values_that_are_not_text_are_shown_as_written()
    {
        var text = AuditText.Changes(
            """{"Active":true,"Learners":120,"Roles":["ItLead"],"Note":null}""",
            """{"Active":false,"Learners":150,"Roles":["ItLead","Executive"],"Note":"moved"}""");

        Assert.Equal("""Active: true → false; Learners: 120 → 150; Roles: ["ItLead"] → ["ItLead","Executive"]; Note:  → moved""", text);
    }

    [Fact]
    public void A_value_that_is_not_an_object_is_shown_whole()
    {
        Assert.Equal("Value: 42", AuditText.Changes(null, "42"));
        Assert.Equal("Value: not json", AuditText.Changes(null, "not json"));
    }
}
