package streamworkbook.week07.exercises;

import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week07.ContractCheck;
import streamworkbook.week07.Violation;

/**
 * Exercise 7.3 — check each record against its event type's JSON Schema and say exactly what is wrong.
 * The contract is in {@link ContractCheck}; the schemas in src/main/resources/contracts; the goal and hints in
 * week07-generator/README.md#73-data-contracts.
 */
public class SchemaContracts implements ContractCheck {

    @Override
    public List<Violation> check(byte[] record) {
        throw new NotImplementedYet("7.3");
    }
}
