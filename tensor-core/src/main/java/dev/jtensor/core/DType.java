package dev.jtensor.core;

/**
 * The element types of a {@link Tensor}, with PyTorch's names and promotion rules.
 *
 * <p>Promotion follows PyTorch's three categories, {@code bool < integer < floating}: combining two
 * tensor dtypes gives the larger one ({@link #promote}), and a Java scalar only raises a tensor's
 * dtype when it belongs to a higher category ({@link #promoteWithScalar}). The promotion table is
 * this one class; nothing else in the library decides result dtypes.
 */
public enum DType {
    /** Boolean, stored as {@code boolean[]}. */
    BOOL("bool", 1, Category.BOOL),
    /** 32-bit signed integer, stored as {@code int[]}. */
    INT32("int32", 4, Category.INTEGER),
    /** 64-bit signed integer, the default integer dtype (PyTorch's {@code long}). */
    INT64("int64", 8, Category.INTEGER),
    /** 32-bit IEEE float, the default floating dtype. */
    FLOAT32("float32", 4, Category.FLOATING),
    /** 64-bit IEEE float (PyTorch's {@code double}). */
    FLOAT64("float64", 8, Category.FLOATING);

    /** The kind of values a dtype holds; the order is the promotion order. */
    public enum Category {
        /** true/false. */
        BOOL,
        /** Signed integers. */
        INTEGER,
        /** IEEE floating point. */
        FLOATING
    }

    private final String torchName;
    private final int itemSize;
    private final Category category;

    DType(String torchName, int itemSize, Category category) {
        this.torchName = torchName;
        this.itemSize = itemSize;
        this.category = category;
    }

    /** {@return PyTorch's name without the {@code torch.} prefix, e.g. {@code "float32"}} */
    public String torchName() {
        return torchName;
    }

    /** {@return bytes per element} */
    public int itemSize() {
        return itemSize;
    }

    /** {@return the promotion category of this dtype} */
    public Category category() {
        return category;
    }

    /** {@return whether this is {@link #FLOAT32} or {@link #FLOAT64}} */
    public boolean isFloatingPoint() {
        return category == Category.FLOATING;
    }

    /** {@return whether this is {@link #INT32} or {@link #INT64}} */
    public boolean isIntegral() {
        return category == Category.INTEGER;
    }

    /** {@return whether this is {@link #BOOL}} */
    public boolean isBool() {
        return category == Category.BOOL;
    }

    /** PyTorch's {@code torch.float32}-style name, as used in error messages and printing. */
    @Override
    public String toString() {
        return "torch." + torchName;
    }

    /**
     * The dtype for a PyTorch name: {@code float32}/{@code float}, {@code float64}/{@code double},
     * {@code int64}/{@code long}, {@code int32}/{@code int}, {@code bool}; a {@code torch.} prefix is allowed.
     *
     * @param name the name
     * @return the dtype for a PyTorch name
     * @throws TensorException naming the unknown dtype
     */
    public static DType fromName(String name) {
        String n = name.startsWith("torch.") ? name.substring(6) : name;
        return switch (n) {
            case "float32", "float" -> FLOAT32;
            case "float64", "double" -> FLOAT64;
            case "int64", "long" -> INT64;
            case "int32", "int" -> INT32;
            case "bool" -> BOOL;
            default -> throw new TensorException("unknown dtype '" + name
                    + "': expected one of float32, float64, int64, int32, bool");
        };
    }

    /**
     * The promoted dtype of two tensor operands (PyTorch's {@code torch.promote_types}): the larger
     * category wins, and within a category the wider type.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the promoted dtype of two tensor operands (PyTorch's {@code torch.promote_types})
     */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a.category != b.category) {
            return a.category.compareTo(b.category) > 0 ? a : b;
        }
        return a.itemSize >= b.itemSize ? a : b;
    }

    /**
     * The result dtype of a tensor of dtype {@code tensor} combined with a Java scalar of category
     * {@code scalar}: the scalar only matters when its category is higher, and then it contributes
     * the default dtype of its category (int64 for integers, float32 for floats), as PyTorch does
     * for Python scalars and 0-d tensors.
     *
     * @param tensor the tensor
     * @param scalar the scalar
     * @return the result dtype of a tensor of dtype {@code tensor} combined with a Java scalar of category {@code
     *     scalar}
     */
    public static DType promoteWithScalar(DType tensor, Category scalar) {
        if (scalar.compareTo(tensor.category) <= 0) {
            return tensor;
        }
        return defaultOf(scalar);
    }

    /**
     * {@return the default dtype of a category: bool, int64 or float32}
     *
     * @param category the category
     */
    public static DType defaultOf(Category category) {
        return switch (category) {
            case BOOL -> BOOL;
            case INTEGER -> INT64;
            case FLOATING -> FLOAT32;
        };
    }

    /**
     * {@return PyTorch's result type of several operands, where tensors of rank &gt; 0 ("dimensioned") take
     * priority over 0-d tensors, which take priority over scalars, each only when it raises the category
     * (PyTorch's {@code result_type} with its three priority tiers)}
     *
     * @param dimensioned dtype of the dimensioned tensors promoted together, or null if none
     * @param zeroDim dtype of the 0-d tensors promoted together, or null if none
     * @param scalar the highest category of Java scalars, or null if none
     */
    public static DType resultType(DType dimensioned, DType zeroDim, Category scalar) {
        DType result = dimensioned;
        if (zeroDim != null) {
            result = result == null ? zeroDim
                    : zeroDim.category.compareTo(result.category) > 0 ? zeroDim : result;
        }
        if (scalar != null) {
            result = result == null ? defaultOf(scalar) : promoteWithScalar(result, scalar);
        }
        if (result == null) {
            throw new TensorException("resultType needs at least one operand");
        }
        return result;
    }
}
