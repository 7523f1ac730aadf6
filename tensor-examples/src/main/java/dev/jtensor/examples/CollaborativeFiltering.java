package dev.jtensor.examples;

import dev.jtensor.core.Index;
import dev.jtensor.core.Tensor;
import dev.jtensor.ops.nn.F;
import dev.jtensor.ops.nn.Module;
import dev.jtensor.ops.optim.Adam;
import java.util.ArrayList;
import java.util.List;

/**
 * The fastai {@code DotProductBias} model from the forum thread on collaborative filtering "from
 * scratch": instead of {@code nn.Embedding} layers, the model holds four plain parameter tensors and
 * looks its factors up by indexing them with the user and movie ids, {@code user_factors[x[:, 0]]}.
 * Indexing is differentiable: the gradient flows back through the index as a scatter-add, so each
 * user's row receives the sum of the gradients of that user's ratings. A rating is the dot product
 * of a user's and a movie's factors plus both biases, squashed into {@code (0, 5.5)} by
 * {@code sigmoid_range}.
 *
 * <p>The ratings are synthetic (3000 ratings of 80 movies by 100 users, from hidden 4-dimensional
 * tastes plus noise), and training is full-batch Adam on the mean squared error; the loss falls from
 * 1.48 to about 0.03 in 300 steps, matching PyTorch's at every step the test checks. The thread
 * gives the model's code but no data and no values: every number printed here is the example's own.
 */
public final class CollaborativeFiltering extends Notebook {
    /** Training steps. */
    public static final int STEPS = 300;

    /** The exercise, ready to {@link #run(java.io.PrintStream) run}. */
    public CollaborativeFiltering() {
    }

    @Override
    public String name() {
        return "collaborative-filtering";
    }

    @Override
    public String title() {
        return "fastai DotProductBias: embeddings by indexing parameters, trained with Adam";
    }

    // tag::model[] The model: factors and biases looked up by indexing parameters
    // >>> def create_params(size):
    // ...     return nn.Parameter(torch.zeros(*size).normal_(0, 0.01))
    static Tensor create_params(long... size) {
        return Tensor.zeros(size).normal_(0, 0.01);
    }

    // >>> def sigmoid_range(x, lo, hi):
    // ...     return torch.sigmoid(x) * (hi - lo) + lo
    static Tensor sigmoid_range(Tensor x, double lo, double hi) {
        return x.sigmoid().mul(hi - lo).add(lo);
    }

    // >>> class DotProductBias(Module):
    /** fastai's {@code DotProductBias}, with PyTorch's parameter order. */
    public static final class DotProductBias extends Module {
        private final double[] y_range;

        // ...     def __init__(self, n_users, n_movies, n_factors, y_range=(0, 5.5)):
        DotProductBias(long n_users, long n_movies, long n_factors, double[] y_range) {
            // ...         self.user_factors = create_params([n_users, n_factors])
            registerParameter("user_factors", create_params(n_users, n_factors));
            // ...         self.user_bias = create_params([n_users])
            registerParameter("user_bias", create_params(n_users));
            // ...         self.movie_factors = create_params([n_movies, n_factors])
            registerParameter("movie_factors", create_params(n_movies, n_factors));
            // ...         self.movie_bias = create_params([n_movies])
            registerParameter("movie_bias", create_params(n_movies));
            // ...         self.y_range = y_range
            this.y_range = y_range;
        }

        // ...     def forward(self, x):
        @Override
        public Tensor forward(Tensor x) {
            // ...         users = self.user_factors[x[:, 0]]
            Tensor users = parameter("user_factors").index(x.index(Index.all(), 0));
            // ...         movies = self.movie_factors[x[:, 1]]
            Tensor movies = parameter("movie_factors").index(x.index(Index.all(), 1));
            // ...         res = (users * movies).sum(dim=1)
            Tensor res = users.mul(movies).sum(1);
            // ...         res += self.user_bias[x[:, 0]] + self.movie_bias[x[:, 1]]
            res.add_(parameter("user_bias").index(x.index(Index.all(), 0))
                    .add(parameter("movie_bias").index(x.index(Index.all(), 1))));
            // ...         return sigmoid_range(res, *self.y_range)
            return sigmoid_range(res, y_range[0], y_range[1]);
        }
    }
    // end::model[]

    /** The synthetic ratings and the (user, movie) pairs they rate. */
    public record Ratings(Tensor x, Tensor ratings) {
    }

    /** Draws the synthetic ratings, as the reference program does. */
    public Ratings ratings() {
        // tag::data[] Synthetic ratings from hidden tastes
        // >>> torch.manual_seed(42)
        Tensor.manualSeed(42);
        // >>> tu = torch.randn(100, 4)
        Tensor tu = Tensor.randn(100, 4);
        // >>> tm = torch.randn(80, 4)
        Tensor tm = Tensor.randn(80, 4);
        // >>> users = torch.randint(0, 100, (3000,))
        Tensor users = Tensor.randint(0, 100, new long[] {3000});
        // >>> movies = torch.randint(0, 80, (3000,))
        Tensor movies = Tensor.randint(0, 80, new long[] {3000});
        // >>> noise = torch.randn(3000) * 0.3
        Tensor noise = Tensor.randn(3000).mul(0.3);
        // >>> ratings = ((tu[users] * tm[movies]).sum(1) * 0.7 + 3.0 + noise).clamp(0.5, 5.0)
        Tensor ratings = tu.index(users).mul(tm.index(movies)).sum(1).mul(0.7).add(3.0).add(noise).clamp(0.5, 5.0);
        // >>> x = torch.stack([users, movies], 1)
        Tensor x = Tensor.stack(new Tensor[] {users, movies}, 1);
        // >>> print(x[:3], ratings[:3])
        print(x.index(Index.slice(0, 3)), ratings.index(Index.slice(0, 3)));
        // end::data[]
        return new Ratings(x, ratings);
    }

    // tag::train[] Full-batch training with Adam
    // >>> def train(x, ratings, steps, losses):
    /**
     * Trains a fresh model on the ratings for {@code steps} full-batch Adam steps, appending each
     * step's loss (before that step's update) to {@code losses}; returns the model.
     */
    public DotProductBias train(Ratings data, int steps, List<Double> losses) {
        Tensor x = data.x();
        Tensor ratings = data.ratings();
        // ...     model = DotProductBias(100, 80, 8, y_range=(0, 5.5))
        DotProductBias model = new DotProductBias(100, 80, 8, new double[] {0, 5.5});
        // ...     opt = torch.optim.Adam(model.parameters(), lr=0.05)
        Adam opt = new Adam(model.parameters(), 0.05);
        // ...     for step in range(steps):
        for (int step = 0; step < steps; step++) {
            // ...         pred = model(x)
            Tensor pred = model.forward(x);
            // ...         loss = F.mse_loss(pred, ratings)
            Tensor loss = F.mseLoss(pred, ratings);
            // ...         opt.zero_grad()
            opt.zeroGrad();
            // ...         loss.backward()
            loss.backward();
            // ...         losses.append(loss.item())
            losses.add(loss.item());
            // ...         opt.step()
            opt.step();
        }
        // ...     return model
        return model;
    }
    // end::train[]

    @Override
    protected void cells() {
        Ratings data = ratings();
        // tag::losses[] The loss, every step for the first ten, then every fifty
        // >>> losses = []
        List<Double> losses = new ArrayList<>();
        // >>> model = train(x, ratings, 300, losses)
        DotProductBias model = train(data, STEPS, losses);
        // >>> for step, loss in enumerate(losses):
        for (int step = 0; step < losses.size(); step++) {
            // ...     if step < 10 or step % 50 == 0 or step == 299:
            if (step < 10 || step % 50 == 0 || step == STEPS - 1) {
                // ...         print(f"step {step:3d}  loss {loss:.4f}")
                print(String.format("step %3d  loss %.4f", step, losses.get(step)));
            }
        }
        // >>> print(model(x[:3]), ratings[:3])
        print(model.forward(data.x().index(Index.slice(0, 3))), data.ratings().index(Index.slice(0, 3)));
        // end::losses[]
    }
}
