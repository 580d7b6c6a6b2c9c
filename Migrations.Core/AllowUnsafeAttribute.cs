namespace Migrations;

/// <summary>
/// Accepts the findings of one safety rule for a whole migration, with the reason (for example
/// "the table has 40 rows"). To accept one operation's finding only, call
/// <c>AllowUnsafe(ruleId, reason)</c> right after it in <c>Up</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AllowUnsafeAttribute : Attribute
{
    /// <summary>Accepts a rule's findings.</summary>
    /// <param name="ruleId">The rule's id, for example <c>PG101</c>.</param>
    /// <param name="reason">Why it is safe here; required.</param>
    public AllowUnsafeAttribute(string ruleId, string reason)
    {
        RuleId = ruleId;
        Reason = reason;
    }

    /// <summary>The rule's id.</summary>
    public string RuleId { get; }

    /// <summary>Why it is safe here.</summary>
    public string Reason { get; }
}
