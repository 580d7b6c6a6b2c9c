namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>The table contexts of the rebuild matrix; the target table is always "items".</summary>
public enum TableContext
{
    Plain,
    ExplicitIndex,
    PrimaryKey,
    ForeignKeyParent,
    ForeignKeyChild,
    SelfReferencing,
    ThreeLevelChain,
    WithView,
    OtherSchema,
}

/// <summary>The operations of the rebuild matrix, each with an Up and a Down.</summary>
public enum MatrixOperation
{
    AddNotNullColumnWithDefault,
    AddNotNullBooleanWithDefault,
    AddUniqueColumn,
    AddCheckedColumn,
    AddForeignKeyColumn,
    AddPrimaryKeyColumn,
    DropColumn,
    RenameColumn,
    ChangeColumnType,
    SetNotNull,
    SetDefault,
    RenameTable,
    AddUniqueConstraint,
    AddCheckConstraint,
    DropPrimaryKey,
}

/// <summary>The case the matrix migrations build for; flows with the test's async context.</summary>
internal sealed record MatrixCase(TableContext Context, MatrixOperation Operation)
{
    private static readonly AsyncLocal<MatrixCase?> CurrentCase = new();

    public static MatrixCase Current => CurrentCase.Value ?? throw new InvalidOperationException("No matrix case is running.");

    public string? Schema => Context == TableContext.OtherSchema ? "sales" : null;

    public string Qualified(string table) => Schema is null ? table : $"{Schema}.{table}";

    public bool HasPrimaryKey => Context is not (TableContext.Plain or TableContext.ExplicitIndex);

    public bool IsReferenced => Context is TableContext.ForeignKeyParent or TableContext.SelfReferencing or TableContext.ThreeLevelChain;

    /// <summary>The combinations that make sense: a second primary key, or dropping one that others reference, does not.</summary>
    public bool Applies => Operation switch
    {
        MatrixOperation.AddPrimaryKeyColumn => !HasPrimaryKey,
        MatrixOperation.DropPrimaryKey => HasPrimaryKey && !IsReferenced,
        _ => true,
    };

    public string TableAfter => Operation == MatrixOperation.RenameTable ? "goods" : "items";

    public void Use() => CurrentCase.Value = this;
}
