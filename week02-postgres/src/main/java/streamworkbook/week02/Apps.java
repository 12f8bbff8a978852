package streamworkbook.week02;

import streamworkbook.kit.exercise.NotImplementedYet;

/** What the week's apps share. */
final class Apps {

    private Apps() {
    }

    /** Explains an unfinished exercise to someone running an app, instead of a stack trace. */
    static int pending(NotImplementedYet e, String stubClass, String anchor) {
        System.err.println("Exercise " + e.exerciseId() + " is not implemented yet: fill in " + stubClass
                + " (see week02-postgres/README.md#" + anchor + "),");
        System.err.println("or run the reference solution: WORKBOOK_MODE=solutions ./workbook run week02-postgres …");
        return 2;
    }
}
