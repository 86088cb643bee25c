package org.oncocds.prediction.control;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The risk of each treatment option, in the task's order, as an unmodifiable map over two arrays: built for every
 * recommendation, so it is one object rather than a hash table with an entry and a box per option.
 */
final class OptionRisks extends AbstractMap<String, Double> {

    private final List<String> options;
    private final double[] risks;

    OptionRisks(List<String> options, double[] risks) {
        if (options.size() != risks.length) {
            throw new IllegalArgumentException(options.size() + " options but " + risks.length + " risks");
        }
        this.options = options;
        this.risks = risks;
    }

    @Override
    public Double get(Object option) {
        int index = options.indexOf(option);
        return index < 0 ? null : risks[index];
    }

    @Override
    public boolean containsKey(Object option) {
        return options.contains(option);
    }

    @Override
    public int size() {
        return risks.length;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < risks.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= risks.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Double> entry = new SimpleImmutableEntry<>(options.get(next), risks[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return risks.length;
            }
        };
    }
}
