using System.Security.Cryptography;
using System.Text;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// A migration that cannot run in one transaction, cut into parts that each complete on their
/// own: the statements between two that refuse a transaction run together in one, and each
/// refusing statement runs alone. A part is known by its statements, so that a later run (planned
/// again, perhaps with an extra step to drop an index a failed build left invalid) recognises the
/// parts already done.
/// </summary>
internal sealed record MigrationPart(IReadOnlyList<SqlStep> Steps, bool InTransaction, string Key)
{
    /// <summary>Session settings (timeouts) are not a change: they run on every attempt and are not recorded.</summary>
    public bool IsRecorded => Steps.Any(s => s.Source is not (TimeoutsOperation or SafeRewritesOperation));

    /// <summary>Whether the part may be tried again after its lock was not granted: a failed transaction is rolled back; a step on its own must say so.</summary>
    public bool IsRetriable => InTransaction || Steps.All(s => s.SafeToRetry);

    public static List<MigrationPart> Of(IReadOnlyList<SqlStep> steps)
    {
        var parts = new List<MigrationPart>();
        var pending = new List<SqlStep>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(IReadOnlyList<SqlStep> part, bool inTransaction)
        {
            var hash = Hash(part);
            seen[hash] = seen.GetValueOrDefault(hash) + 1;
            // The same statements twice in one migration are two parts.
            parts.Add(new MigrationPart(part, inTransaction, $"{hash}#{seen[hash]}"));
        }

        foreach (var step in steps)
        {
            if (step.Source is TimeoutsOperation or SafeRewritesOperation)
            {
                // Session settings stand alone, so that a resumed run sets them again before the parts it still has to run.
                if (pending.Count > 0)
                {
                    Add(pending.ToArray(), inTransaction: true);
                    pending.Clear();
                }

                Add([step], inTransaction: false);
                continue;
            }

            if (!step.RefusesTransaction)
            {
                pending.Add(step);
                continue;
            }

            if (pending.Count > 0)
            {
                Add(pending.ToArray(), inTransaction: true);
                pending.Clear();
            }

            Add([step], inTransaction: false);
        }

        if (pending.Count > 0)
        {
            Add(pending.ToArray(), inTransaction: true);
        }

        return parts;
    }

    private static string Hash(IReadOnlyList<SqlStep> steps)
    {
        var text = string.Join("\n", steps.Select(s => s.Sql + "\u001f" + string.Join("\u001f", s.Parameters.Select(p => p?.ToString()))));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
