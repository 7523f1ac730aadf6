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
    /** 8-bit unsigned integer (PyTorch's {@code uint8}, NumPy's {@code u1}), stored as {@code byte[]}. */
    UINT8("uint8", 1, Category.INTEGER),
    /** 8-bit signed integer (NumPy's {@code i1}), stored as {@code byte[]}. */
    INT8("int8", 1, Category.INTEGER),
    /** 16-bit signed integer (PyTorch's {@code short}, NumPy's {@code i2}), stored as {@code short[]}. */
    INT16("int16", 2, Category.INTEGER),
    /** 32-bit signed integer, stored as {@code int[]}. */
    INT32("int32", 4, Category.INTEGER),
    /** 64-bit signed integer, the default integer dtype (PyTorch's {@code long}). */
    INT64("int64", 8, Category.INTEGER),
    /**
     * IEEE binary16 (PyTorch's {@code half}, NumPy's {@code f2}), stored as the bits in a {@code short[]}; computed in
     * float32 and rounded to nearest even.
     */
    FLOAT16("float16", 2, Category.FLOATING),
    /**
     * Brain floating point: float32's exponent with 7 mantissa bits, stored as the bits (the high half of a float32) in a
     * {@code short[]}; computed in float32 and rounded to nearest even. NumPy has no such type.
     */
    BFLOAT16("bfloat16", 2, Category.FLOATING),
    /** 32-bit IEEE float, the default floating dtype. */
    FLOAT32("float32", 4, Category.FLOATING),
    /** 64-bit IEEE float (PyTorch's {@code double}). */
    FLOAT64("float64", 8, Category.FLOATING);

    /** The kind of values a dtype holds; the order is the promotion order. */
    public enum Category {
        /** true/false. */
        BOOL,
        /** Integers (uint8 and the signed ones). */
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

    /** {@return whether this is a floating dtype: float16, bfloat16, float32 or float64} */
    public boolean isFloatingPoint() {
        return category == Category.FLOATING;
    }

    /** {@return whether this is an integer dtype: uint8, int8, int16, int32 or int64} */
    public boolean isIntegral() {
        return category == Category.INTEGER;
    }

    /** {@return whether this is {@link #BOOL}} */
    public boolean isBool() {
        return category == Category.BOOL;
    }

    /**
     * {@return whether this is one of the small dtypes that arithmetic computes in a wider one (uint8, int8, int16,
     * float16, bfloat16): see {@link #computeType()}}
     */
    public boolean isReduced() {
        return computeType() != this;
    }

    /**
     * {@return the dtype arithmetic on this dtype computes in: float32 for float16 and bfloat16 (rounded once to the
     * dtype afterwards, as PyTorch's CPU kernels do), int32 for uint8, int8 and int16 (narrowed with wrap-around
     * afterwards, which is exactly the small type's modular arithmetic), the dtype itself otherwise}
     */
    public DType computeType() {
        return switch (this) {
            case FLOAT16, BFLOAT16 -> FLOAT32;
            case UINT8, INT8, INT16 -> INT32;
            default -> this;
        };
    }

    /** {@return PyTorch's C++ name of this dtype ("Float", "Half", "Byte", ...), as its kernel errors spell it} */
    public String scalarTypeName() {
        return switch (this) {
            case BOOL -> "Bool";
            case UINT8 -> "Byte";
            case INT8 -> "Char";
            case INT16 -> "Short";
            case INT32 -> "Int";
            case INT64 -> "Long";
            case FLOAT16 -> "Half";
            case BFLOAT16 -> "BFloat16";
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
        };
    }

    /** PyTorch's {@code torch.float32}-style name, as used in error messages and printing. */
    @Override
    public String toString() {
        return "torch." + torchName;
    }

    /**
     * The dtype for a PyTorch name: {@code float32}/{@code float}, {@code float64}/{@code double},
     * {@code float16}/{@code half}, {@code bfloat16}, {@code int64}/{@code long}, {@code int32}/{@code int},
     * {@code int16}/{@code short}, {@code int8}, {@code uint8}, {@code bool}; a {@code torch.} prefix is allowed.
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
            case "float16", "half" -> FLOAT16;
            case "bfloat16" -> BFLOAT16;
            case "int16", "short" -> INT16;
            case "int8" -> INT8;
            case "uint8" -> UINT8;
            case "bool" -> BOOL;
            default -> throw new TensorException("unknown dtype '" + name + "': expected one of float32, float64, "
                    + "float16, bfloat16, int64, int32, int16, int8, uint8, bool");
        };
    }

    /**
     * The promoted dtype of two tensor operands (PyTorch's {@code torch.promote_types}): the larger
     * category wins, and within a category the wider type, except that uint8 with int8 gives int16 (the smallest
     * type holding both ranges) and float16 with bfloat16 gives float32.
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
        if (a.itemSize == b.itemSize && a.itemSize <= 2) {
            // The only same-size pairs: uint8/int8 and float16/bfloat16 (int16 with a 16-bit float is cross-category).
            return a.category == Category.INTEGER ? INT16 : FLOAT32;
        }
        return a.itemSize > b.itemSize ? a : b;
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
